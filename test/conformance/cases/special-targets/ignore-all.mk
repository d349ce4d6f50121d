# case: .IGNORE without prerequisites ignores all errors
.IGNORE:
all:
	false
	@echo continued
