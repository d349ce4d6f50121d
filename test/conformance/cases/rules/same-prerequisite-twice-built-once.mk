# case: a prerequisite shared by several targets is made once
all: a b
a b: common
	@echo $@
common:
	@echo common
