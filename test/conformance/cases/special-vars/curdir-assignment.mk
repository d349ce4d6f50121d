# case: assigning CURDIR changes the variable, not the directory
CURDIR = /elsewhere
all:
	@echo '$(CURDIR) $(origin CURDIR)'
	@basename "$$(pwd)"
