# case: -W treats a file as new
# sh: touch -d '2002-01-01 00:00' out
# sh: touch -d '2001-01-01 00:00' in
# run: -W in
# run: --what-if=in -n
out: in
	@echo remaking out
--- out
--- in
