# case: MAKELEVEL is taken from the environment and shows in messages
# env: MAKELEVEL=2
all:
	@echo 'level $(MAKELEVEL)'
	@false
