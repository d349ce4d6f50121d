# case: .LIBPATTERNS sets the names -lname stands for; an element without % is reported
# run:
# run: LP=mtest_foo.a
# run: all2
.LIBPATTERNS = $(LP) mtest_%.a
all: -lfoo ; @echo "build $@ from $<"
all2: -lbar ; @echo "build $@ from $<"
--- mtest_foo.a
