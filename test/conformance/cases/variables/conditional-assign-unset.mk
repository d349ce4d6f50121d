# case: ?= assigns only when the variable is not defined
A ?= first
A ?= second
all:
	@echo '$(A) $(flavor A) $(origin A)'
