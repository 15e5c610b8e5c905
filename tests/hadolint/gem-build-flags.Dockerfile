FROM ruby:3.3
RUN gem install nokogiri:1.16.5 -- --use-system-libraries=true \
 && gem install bundler:2.5.10 --no-document
