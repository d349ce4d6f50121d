# case: a command-line value beats a target-specific one
# run: X=cmd
all: X = target
all:
	@echo '$(X)'
