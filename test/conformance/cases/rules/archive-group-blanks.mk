# case: an archive group may have blanks inside its parentheses
# sh: touch -d '2001-01-01 00:00' a.o b.o
ARFLAGS = rvU
all: lib.a(  a.o    b.o     )
	@echo 'all: [$^]'
--- a.o
a
--- b.o
b
