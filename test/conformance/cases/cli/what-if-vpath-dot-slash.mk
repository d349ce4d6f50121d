# case: -W names a file vpath finds through a ./ directory
# sh: mkdir x-dir; touch -d '2001-01-01' x-dir/x; touch y
# run: -W x-dir/x VPATH=./x-dir
# run: -W ./x-dir/x VPATH=x-dir
y: x ; @echo cp $< $@
