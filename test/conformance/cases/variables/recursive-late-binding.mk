# case: a recursive variable sees definitions made after it
A = [$(B)]
B = late
all:
	@echo '$(A)'
