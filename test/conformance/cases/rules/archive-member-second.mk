# case: a member's date stands for the end of its second: a prerequisite from within it is not newer
# sh: touch -d '2001-01-01 00:00:00' a.o
# sh: ar rcU lib.a a.o
# sh: touch -d '2001-01-01 00:00:00.5' a.o
# run:
# sh: touch -d '2001-01-01 00:00:01' a.o
# run:
ARFLAGS = rvU
all: lib.a(a.o)
--- a.o
a
