# case: -t touches targets instead of running recipes
# sh: touch -d '2001-01-01 00:00' out
# sh: touch -d '2002-01-01 00:00' in
# run: -t
# run:
out: in
	@echo remaking
--- out
--- in
