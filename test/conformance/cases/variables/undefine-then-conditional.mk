# case: ?= assigns again after undefine
X = old
undefine X
X ?= new
all:
	@echo '$(X)'
