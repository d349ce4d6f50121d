# case: origin reports where variables came from
# run: CMD=1
A = 1
override B = 1
$(info $(origin A) $(origin B) $(origin CMD) $(origin PATH) $(origin CC))
$(info $(origin nope) $(origin MAKEFILE_LIST))
all:
	@echo '$(origin @) $(origin <)'
