# case: -lname prerequisites are found through .LIBPATTERNS, the current directory and vpath
# sh: touch a1/lib1.a a1/libc.a b1/lib1.so a2/lib2.a b2/lib2.so lib3.a b3/lib3.so
vpath %.h b3
vpath %.a a1
vpath %.so b1
vpath % a2 b2
vpath % b3
all: -l1 -lc -l2 -l3; @echo $^
--- a1/keep
--- b1/keep
--- a2/keep
--- b2/keep
--- b3/keep
