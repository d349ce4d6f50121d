# case: != runs a shell command and trims the final newline
A != echo hello; echo world
B != printf 'x\n\n'
all:
	@echo '[$(A)] [$(B)] $(flavor A)'
