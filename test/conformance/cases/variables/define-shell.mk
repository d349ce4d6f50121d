# case: define != runs the body as a shell command
define A !=
echo from shell
endef
all:
	@echo '[$(A)]'
