# case: --debug=b says which targets are out of date and what came of them
# sh: touch -d '2001-01-01 00:00' old exists
# sh: touch -d '2002-01-01 00:00' new
# sh: $MAKE --debug=b | sed -n '/^Reading makefiles/,$p'
# sh: $MAKE --debug=basic -k broken | sed -n '/^Reading makefiles/,$p'
all: missing old exists
	@echo all
missing:
	@echo missing
old: new
	@echo old
broken: fails after
fails: ; @exit 1
after: ; @echo after
