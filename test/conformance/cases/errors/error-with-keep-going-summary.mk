# case: -k reports the targets not remade
# run: -k
all: a b
	@echo all
a:
	@false
b:
	@false
