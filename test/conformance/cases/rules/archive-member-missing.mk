# case: a member the archive lacks is missing and gets made
# sh: touch -d '2001-01-01 00:00' a.o b.o
# sh: ar rcU lib.a a.o
# run:
# run:
ARFLAGS = rvU
all: lib.a(a.o) lib.a(b.o)
	@echo 'all: [$?]'
--- a.o
a
--- b.o
b
