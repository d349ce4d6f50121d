# case: -lname is looked for in the system's library directories last
# run:
# run: none
all: -lc -lm ; @echo $^
none: -lno-such-library-here ; @echo $^
