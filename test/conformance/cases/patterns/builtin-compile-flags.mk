# case: built-in rules use CFLAGS CPPFLAGS and TARGET_ARCH
# run: -n hello.o CFLAGS=-O2 CPPFLAGS=-DX TARGET_ARCH=-m64
--- hello.c
