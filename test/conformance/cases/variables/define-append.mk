# case: define += appends the body after a space
A = first
define A +=
second
endef
all:
	@echo '$(A)'
