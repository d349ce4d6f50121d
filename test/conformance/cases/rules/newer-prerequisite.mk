# case: a target older than a prerequisite is remade
# sh: touch -d '2001-01-01 00:00' out
# sh: touch -d '2002-01-01 00:00' in
out: in
	@echo remaking out
	@cp in out
--- out
old
--- in
new
