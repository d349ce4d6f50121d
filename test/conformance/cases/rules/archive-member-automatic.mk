# case: $^ $+ $? $| name archive members by member; $< and $@ do not
# sh: touch -d '2001-01-01 00:00' a.o b.o c.o
ARFLAGS = rvU
all: lib.a(a.o) lib.a(b.o) lib.a(a.o) | lib.a(c.o)
	@echo '[$<] [$^] [$+] [$?] [$|]'
lib.a(c.o): c.o
	@echo '[$@] [$%] [$*] [$<]'
	$(AR) $(ARFLAGS) $@ $<
--- a.o
a
--- b.o
b
--- c.o
c
