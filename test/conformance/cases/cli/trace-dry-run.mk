# case: --trace with -n, -q and -t
# sh: touch -d '2001-01-01 00:00' old
# sh: touch -d '2002-01-01 00:00' new
# run: --trace -n
# run: --trace -q
# run: --trace -t
all: old
	@echo all
old: new
	@echo old
