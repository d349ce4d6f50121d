# case: command-line variables appear in MAKEFLAGS after --
# run: -s X=1 'Y=a b'
all:
	@echo '[$(MAKEFLAGS)]'
