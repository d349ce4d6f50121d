# case: variables in MAKEFLAGS from the environment are defined
# env: MAKEFLAGS=-- FROMFLAGS=yes
all:
	@echo '[$(FROMFLAGS)] $(origin FROMFLAGS)'
