# case: -o keeps a file from being remade and from triggering others
# sh: touch -d '2002-01-01 00:00' out
# sh: touch -d '2001-01-01 00:00' mid
# sh: touch -d '2003-01-01 00:00' src
# run: -o mid
out: mid
	@echo remaking out
mid: src
	@echo remaking mid
--- out
--- mid
--- src
