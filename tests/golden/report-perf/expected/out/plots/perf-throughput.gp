# perf.gp - a measurement of make bench against the size of its input,
# one line per stage (the performance page).
# Written by effdash; redraw with "gnuplot NAME.gp" in this folder: it
# writes NAME.svg (for the site) and NAME.png (for slides).
# Data: one block per stage, by papers; its first line holds the stage's
# name (the key entry), the others papers and the measured value.
# Every text drawn from the data comes from the data file.
data = "perf-throughput.dat"
stages = 2
# The line type (colour and point shape) of each block, so that a stage
# looks the same on every chart of the page.
lt_of = "1 2"

set terminal svg size 900,600 noenhanced font 'sans,12' background '#ffffff'
set output "perf-throughput.svg"
set encoding utf8

set label 1000 "Ingest throughput by input size" at screen 0.5, 0.955 center font ',15'
set xlabel "Papers in the input (log scale)"
set ylabel "Input read per second (MB/s)"
set lmargin at screen 0.11
set rmargin at screen 0.72
set bmargin at screen 0.13
set tmargin at screen 0.88
set border 3 lc rgb '#444444'
set tics nomirror out tc rgb '#222222'
set grid xtics ytics lc rgb '#e3e3e3' lw 1
# The key beside the plot, one stage a line: any number of stages fits.
set key at screen 0.74, 0.88 left top vertical Left reverse samplen 2.5 spacing 1.3 font ',11'
set logscale x 10
set xrange [625:160000]
set xtics ("" 700 1, "" 800 1, "" 900 1, "1k" 1000, "2k" 2000, "" 3000 1, "" 4000 1, "5k" 5000, "" 6000 1, "" 7000 1, "" 8000 1, "" 9000 1, "10k" 10000, "20k" 20000, "" 30000 1, "" 40000 1, "50k" 50000, "" 60000 1, "" 70000 1, "" 80000 1, "" 90000 1, "100k" 100000)
set yrange [0:60.949999999999996]

# Okabe-Ito colours, safe for colour-blind readers (the yellow darkened
# to read on white), each with its own point shape; a ninth stage looks
# like the first.
set linetype 1 lc rgb '#0072B2' pt 7
set linetype 2 lc rgb '#E69F00' pt 5
set linetype 3 lc rgb '#009E73' pt 9
set linetype 4 lc rgb '#D55E00' pt 11
set linetype 5 lc rgb '#CC79A7' pt 13
set linetype 6 lc rgb '#56B4E9' pt 6
set linetype 7 lc rgb '#000000' pt 4
set linetype 8 lc rgb '#B8A200' pt 8
set linetype cycle 8
# A line of slope one through a measured point, when guide is set: a
# stage that grows in proportion to its input runs parallel to it.
has_guide = 0
guide(x) = NaN

plot for [i=0:stages-1] data index i using 1:2 with linespoints lt (word(lt_of, i+1)+0) lw 2 ps 1.2 title columnheader(1), \
	(has_guide ? guide(x) : NaN) with lines dt 2 lw 1.2 lc rgb '#8a8a8a' title (has_guide ? "in proportion to papers" : '')

set terminal pngcairo size 1800,1200 noenhanced font 'sans,12' fontscale 2 linewidth 2 pointscale 2 background '#ffffff'
# pngcairo draws text larger than the SVG terminal at the same size: a
# smaller key keeps the longest stage names inside the picture.
set key font ',8.5' spacing 1.2
set lmargin at screen 0.12
set output "perf-throughput.png"
replot
