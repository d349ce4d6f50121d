# case: blanks around = are not part of the name or value start
X   =    value
Y=tight
all:
	@echo '[$(X)] [$(Y)]'
