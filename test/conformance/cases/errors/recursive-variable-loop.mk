# case: two variables referring to each other
A = $(B)
B = $(A)
all:
	@echo $(A)
