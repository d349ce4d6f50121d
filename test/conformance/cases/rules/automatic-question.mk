# case: $? lists prerequisites newer than the target
# sh: touch -d '2002-01-01 00:00' out
# sh: touch -d '2001-01-01 00:00' old1 old2
# sh: touch -d '2003-01-01 00:00' new1 new2
out: old1 new1 old2 new2
	@echo '$?'
--- out
--- old1
--- old2
--- new1
--- new2
