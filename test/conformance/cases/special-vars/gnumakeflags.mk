# case: options from GNUMAKEFLAGS are used
# env: GNUMAKEFLAGS=-s
all:
	echo hidden command
