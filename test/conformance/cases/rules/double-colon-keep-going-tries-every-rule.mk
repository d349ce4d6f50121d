# case: with -k every double-colon rule of a target is tried, after one whose prerequisite failed
# parallel: -j2
# run: -k
# run:
all:: a
	@echo all1
all:: b
	@echo all2
all::
	@echo all3
a b:
	@false
