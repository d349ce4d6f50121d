# case: target-specific override += appends to a command-line value
# run: X=cmd
all: override X += target
all:
	@echo '$(X)'
