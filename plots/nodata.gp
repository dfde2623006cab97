# nodata.gp - a chart that says there is nothing to draw yet.
# Written by effdash; redraw with "gnuplot NAME.gp" in this folder.
set terminal svg size 900,600 dynamic noenhanced font 'sans,12' background '#ffffff'
set output @OUTPUT@
set encoding utf8

set title @TITLE@ font ',15'
unset border
unset tics
unset key
set xrange [0:1]
set yrange [0:1]
set label 1 @MESSAGE@ at graph 0.5, 0.5 center font ',13' tc rgb '#555555'
plot 2 notitle
