# case: a tab-indented comment before any rule is ignored
	# a comment
all:
	@echo ok
