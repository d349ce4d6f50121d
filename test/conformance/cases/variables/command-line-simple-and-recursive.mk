# case: command-line := and = make simple and recursive variables
# run: 'A:=$(B)' 'C=$(B)' B=b
all:
	@echo '[$(A)] $(flavor A) [$(C)] $(flavor C)'
