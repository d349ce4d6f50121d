# case: a wildcard member name matches the archive's members, not files
# sh: touch -d '2001-01-01 00:00' a.o b.o c.o
# sh: ar rcU lib.a b.o a.o
# sh: touch -d '2002-01-01 00:00' a.o
ARFLAGS = rvU
all: lib.a(*.o) lib.a(*.x)
	@echo 'all: [$^]'
lib.a(*.x): ; @echo 'no match: $%'
--- a.o
a
--- b.o
b
--- c.o
c
