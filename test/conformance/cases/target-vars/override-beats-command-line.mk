# case: target-specific override beats the command line
# run: X=cmd
all: override X = target
all:
	@echo '$(X)'
