# case: prefixes in several orders and with blanks
all:
	@-false
	-@false
	@ echo at-blank
	- @false
	+@echo plus-at
	@+echo at-plus
