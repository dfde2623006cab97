# nodata.gp - a chart that says there is nothing to draw yet.
# Written by effdash; redraw with "gnuplot NAME.gp" in this folder: it
# writes NAME.svg (for the site) and NAME.png (for slides).
set terminal svg size 900,600 noenhanced font 'sans,12' background '#ffffff'
set output @OUTPUT@
set encoding utf8

# The title sits above the key, both above the plot.
set label 1000 @TITLE@ at screen 0.5, 0.955 center font ',15'
unset border
unset tics
unset key
set xrange [0:1]
set yrange [0:1]
set label 1 @MESSAGE@ at graph 0.5, 0.5 center font ',13' tc rgb '#555555'
plot 2 notitle

set terminal pngcairo size 1800,1200 noenhanced font 'sans,12' fontscale 2 linewidth 2 pointscale 2 background '#ffffff'
set output @PNG@
replot
