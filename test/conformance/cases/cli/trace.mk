# case: --trace explains why targets are made
# sh: touch -d '2001-01-01 00:00' old
# sh: touch -d '2002-01-01 00:00' new
# run: --trace
all: missing old
	@echo all
missing:
	@echo making missing
old: new
	@echo remaking old
--- old
--- new
