# case: an existing file matching a pattern with no source is up to date
all: a.out
	@echo done
%.out: %.in
	@echo 'pattern $@'
--- a.out
