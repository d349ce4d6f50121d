# case: -t sets a member's date to the archive's time; a missing member is an error
# sh: touch -d '2001-01-01 00:00' a.o b.o
# sh: ar rcU lib.a a.o
# sh: touch -d '2002-01-01 00:00' a.o
# sh: touch -d '2003-01-01 00:00' lib.a
# run: -t lib.a(a.o)
# run: lib.a(a.o)
# run: -t lib.a(b.o)
# run: -t -k all
# run: -t nolib.a(a.o)
all: lib.a(b.o) lib.a(a.o)
lib.a(a.o): a.o ; echo never
lib.a(b.o): b.o ; echo never
nolib.a(a.o): a.o ; echo never
--- a.o
a
--- b.o
b
