# case: members with names over 15 characters are told apart (GNU's // table)
# run:
# run:
ARFLAGS = rvU
default: libxx.a(1234567890123456a) libxx.a(1234567890123456b)
(%): % ; $(AR) $(ARFLAGS) $@ $%
1234567890123456%: ; touch -d '2001-01-01 00:00' $@
