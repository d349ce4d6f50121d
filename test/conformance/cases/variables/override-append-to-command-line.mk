# case: override += appends to a command-line value
# run: FLAGS=-O2
override FLAGS += -g
all:
	@echo '$(FLAGS)'
