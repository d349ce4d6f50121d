# case: plain += does not change a command-line variable
# run: FLAGS=-O2
FLAGS += -g
all:
	@echo '$(FLAGS)'
