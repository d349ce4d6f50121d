# case: an archive member's time is its date inside the archive, not the archive's time
# sh: touch -d '2001-01-01 00:00' a.o b.o
# sh: ar rcU lib.a a.o b.o
# sh: touch -d '2002-01-01 00:00' b.o
# sh: touch -d '2000-06-01 00:00' lib.a
ARFLAGS = rvU
all: lib.a(a.o) lib.a(b.o)
	@echo 'all: [$?]'
--- a.o
a
--- b.o
b
