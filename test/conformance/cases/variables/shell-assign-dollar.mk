# case: a $ in the output of != is expanded again when used
A != echo 'a$$(B)c'
B = -
all:
	@echo '[$(A)]'
